let l = 1
