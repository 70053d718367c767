let t = 1
