# tests: AttributeError for a missing attribute on a user instance (exit code 1)
class Config:
    def __init__(self):
        self.debug = False
        self.level = 3

cfg = Config()
print(cfg.debug, cfg.level)
print(cfg.verbose)
