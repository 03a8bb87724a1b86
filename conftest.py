"""pytest settings for the whole repository (nbval runs on notebooks/ outside tests/)."""

pytest_plugins = ["tests.support.nbval_figures"]
