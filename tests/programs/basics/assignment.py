# tests: simple, chained, tuple and swap assignment, augmented assignment basics
a = b = c = 5
print(a, b, c)
a = 1
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[m, n] = "hi"
print(m, n)
i = 10
i += 5
i -= 3
i *= 2
print(i)
s = "ab"
s *= 3
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(alias, alias is lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
