print("qapi-gen: under construction")
