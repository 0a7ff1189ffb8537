# tests: uncaught TypeError for 1 + 'a'
print("adding")
print(1 + 'a')
