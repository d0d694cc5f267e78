import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  // Debian's Maven 3.8.7 on JDK 17 ran the whole default lifecycle: the project's test, its jar, then our goals
  ItDocker.requireContains(log, 'Apache Maven 3.8.7')
  assert log =~ /Java version: 17\./ : 'the build did not run on JDK 17'
  ItDocker.requireContains(log, 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
  assert new File(basedir, 'target/existing-jar-project-1.0.0.jar').isFile()
  ItDocker.requireContains(log, 'Generated ')
  ItDocker.requireContains(log, 'Skipping artifact deployment')
  ItDocker.requireContains(log, 'Workflow "existing-jar-project" 1.0.0 is running in container jar-it')
  ItDocker.requireContains(log, '  API      POST http://localhost:18261/run')
  assert new File(basedir, 'target/workflow-deploy/Dockerfile').isFile()

  // both ports on loopback only, as docker inspect reads them back; the API answers there
  assert ItDocker.inspect('{{json .HostConfig.PortBindings}}', 'jar-it') ==
      '{"5000/tcp":[{"HostIp":"127.0.0.1","HostPort":"18262"}],"8000/tcp":[{"HostIp":"127.0.0.1","HostPort":"18261"}]}'
  assert ItDocker.get('http://127.0.0.1:18261/health').statusCode() == 200
} finally {
  ItDocker.removeQuietly(['jar-it'], ['jar-it-data'], ['jar-it:1.0.0'])
}
return true
