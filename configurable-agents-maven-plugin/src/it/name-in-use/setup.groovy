import io.configurableagents.it.ItDocker

// a container of that name, made from an empty image (nothing is pulled, nothing runs)
ItDocker.removeQuietly(['name-in-use-it'], [], ['name-in-use-it-empty:1'])
def empty = new File(basedir, 'empty.tar')
def tar = new ProcessBuilder('tar', 'cf', empty.path, '--files-from', '/dev/null').start()
assert tar.waitFor() == 0
ItDocker.docker('import', empty.path, 'name-in-use-it-empty:1')
ItDocker.docker('create', '--name', 'name-in-use-it', 'name-in-use-it-empty:1', '/nothing')
return true
