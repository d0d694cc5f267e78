import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  ItDocker.requireContains(log, 'Port 18151 on this machine is already in use; perhaps you should stop what listens there, or'
      + ' choose another port with -Dworkflow.port=18152 (or <port>18152</port> in the plugin\'s <configuration>)')
  ItDocker.requireContains(log, 'BUILD FAILURE')
  ItDocker.requireLacks(log, 'Building image', 'a build that should not have started')
  ItDocker.requireLacks(log, 'Generated ', 'generated files that should not have been written')
  assert !ItDocker.exists('container', 'port-taken-it')
} finally {
  // nothing should exist; if the build went further than it should have, leave nothing behind
  ItDocker.removeQuietly(['port-taken-it'], ['port-taken-it-data'], ['port-taken-it:1.0.0'])
  System.properties.remove('configurable-agents.it.port-taken')?.close()
}
return true
