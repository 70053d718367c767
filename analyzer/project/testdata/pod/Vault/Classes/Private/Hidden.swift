let q = 1
