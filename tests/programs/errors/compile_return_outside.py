# tests: compile error: 'return' outside function (nothing printed)
print("this never runs because compilation fails")
return 5
