def log = new File(basedir, 'build.log').text
try {
  assert log.contains('The Docker daemon socket unix:///tmp/configurable-agents-it-dead.sock refused the connection:'
      + ' no daemon listens on it any more (it comes from DOCKER_HOST); perhaps you should point DOCKER_HOST at a'
      + ' running daemon, or unset it to use the default socket')
  assert log.contains('BUILD ERROR') || log.contains('BUILD FAILURE')
  assert !log.contains('Building image') && !log.contains('Generated ')
} finally {
  new File('/tmp/configurable-agents-it-dead.sock').delete()
}
return true
