import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  assert log.contains("A container named 'name-in-use-it' already exists (created); perhaps you should redeploy over"
      + " it with -Dworkflow.replace=true (or <replace>true</replace> in the plugin's <configuration>) (it keeps the"
      + " data volume name-in-use-it-data), or remove it with 'docker rm -f name-in-use-it'")
  assert log.contains('BUILD FAILURE')
  assert !log.contains('Building image') && !log.contains('Generated ')
  // the container is untouched
  assert ItDocker.inspect('{{.Config.Image}}', 'name-in-use-it') == 'name-in-use-it-empty:1'
} finally {
  ItDocker.removeQuietly(['name-in-use-it'], ['name-in-use-it-data'], ['name-in-use-it-empty:1'])
}
return true
