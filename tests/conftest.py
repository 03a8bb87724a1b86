def pytest_addoption(parser):
    parser.addoption("--built", default="_build", help="the build folder of `make book`")
