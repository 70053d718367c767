let k = 1
