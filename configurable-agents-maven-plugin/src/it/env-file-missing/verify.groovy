import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def envFile = new File(basedir, 'production.env').canonicalPath
assert log.contains("Environment file not found: ${envFile}; perhaps you should create it (copy .env.example from the"
    + " generated files), fix -Dworkflow.envFile=${envFile}")
assert log.contains('-Dworkflow.skipEnvFile=true')
assert log.contains('BUILD FAILURE')
assert !log.contains('Building image') && !log.contains('Generated ')
assert !ItDocker.exists('container', 'env-missing-it')
return true
