"""Store backends, looked up by URL scheme. Only modules in this package import a database driver,
and they import it lazily, when a store is opened."""
