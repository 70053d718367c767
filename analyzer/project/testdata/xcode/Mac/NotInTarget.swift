let n = 1
