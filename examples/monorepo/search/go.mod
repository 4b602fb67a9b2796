module example.com/shop/search

go 1.22
