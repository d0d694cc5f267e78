import io.configurableagents.it.ItDocker
def log = new File(basedir, 'build.log').text
try {
  ItDocker.requireContains(log, 'The Docker daemon socket unix:///tmp/configurable-agents-it-dead.sock refused the connection:'
      + ' no daemon listens on it any more (it comes from DOCKER_HOST); perhaps you should point DOCKER_HOST at a'
      + ' running daemon, or unset it to use the default socket')
  ItDocker.requireContains(log, 'BUILD FAILURE')
  ItDocker.requireLacks(log, 'Building image', 'a build that should not have started')
  ItDocker.requireLacks(log, 'Generated ', 'generated files that should not have been written')
} finally {
  // nothing should exist; if the build went further than it should have, leave nothing behind
  ItDocker.removeQuietly(['unreachable-it'], ['unreachable-it-data'], ['unreachable-it:1.0.0'])
  new File('/tmp/configurable-agents-it-dead.sock').delete()
}
return true
