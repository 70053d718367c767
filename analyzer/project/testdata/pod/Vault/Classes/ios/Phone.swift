let p = 1
