module lwscrypto-mutate

go 1.26.0
