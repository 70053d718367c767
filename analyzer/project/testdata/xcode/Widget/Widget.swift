let w = 1
