let m = 1
