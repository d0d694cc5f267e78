import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  assert log.contains('Port 18151 on this machine is already in use; perhaps you should stop what listens there, or'
      + ' choose another port with -Dworkflow.port=18152 (or <port>18152</port> in the plugin\'s <configuration>)')
  assert log.contains('BUILD FAILURE')
  assert !log.contains('Building image') && !log.contains('Generated ')
  assert !ItDocker.exists('container', 'port-taken-it')
} finally {
  System.properties.remove('configurable-agents.it.port-taken')?.close()
}
return true
