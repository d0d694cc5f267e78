import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  ItDocker.requireContains(log, "A container named 'name-in-use-it' already exists (created); perhaps you should redeploy over"
      + " it with -Dworkflow.replace=true (or <replace>true</replace> in the plugin's <configuration>) (it keeps the"
      + " data volume name-in-use-it-data), or remove it with 'docker rm -f name-in-use-it'")
  ItDocker.requireContains(log, 'BUILD FAILURE')
  ItDocker.requireLacks(log, 'Building image', 'a build that should not have started')
  ItDocker.requireLacks(log, 'Generated ', 'generated files that should not have been written')
  // the container is untouched
  assert ItDocker.inspect('{{.Config.Image}}', 'name-in-use-it') == 'name-in-use-it-empty:1'
} finally {
  ItDocker.removeQuietly(['name-in-use-it'], ['name-in-use-it-data'], ['name-in-use-it-empty:1'])
}
return true
