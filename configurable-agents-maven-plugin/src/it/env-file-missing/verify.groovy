import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  def envFile = new File(basedir, 'production.env').canonicalPath
  ItDocker.requireContains(log, "Environment file not found: ${envFile}; perhaps you should create it (copy .env.example from the"
      + " generated files), fix -Dworkflow.envFile=${envFile}")
  ItDocker.requireContains(log, '-Dworkflow.skipEnvFile=true')
  ItDocker.requireContains(log, 'BUILD FAILURE')
  ItDocker.requireLacks(log, 'Building image', 'a build that should not have started')
    ItDocker.requireLacks(log, 'Generated ', 'generated files that should not have been written')
  assert !ItDocker.exists('container', 'env-missing-it')
} finally {
  // nothing should exist; if the build went further than it should have, leave nothing behind
  ItDocker.removeQuietly(['env-missing-it'], ['env-missing-it-data'], ['env-missing-it:1.0.0'])
}
return true
