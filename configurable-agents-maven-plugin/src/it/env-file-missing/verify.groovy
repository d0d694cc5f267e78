import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def envFile = new File(basedir, 'production.env').canonicalPath
ItDocker.requireContains(log, "Environment file not found: ${envFile}; perhaps you should create it (copy .env.example from the"
    + " generated files), fix -Dworkflow.envFile=${envFile}")
ItDocker.requireContains(log, '-Dworkflow.skipEnvFile=true')
ItDocker.requireContains(log, 'BUILD FAILURE')
ItDocker.requireLacks(log, 'Building image', 'a build that should not have started')
  ItDocker.requireLacks(log, 'Generated ', 'generated files that should not have been written')
assert !ItDocker.exists('container', 'env-missing-it')
return true
