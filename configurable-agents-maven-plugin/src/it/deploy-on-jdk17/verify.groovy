import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  // first build: the JDK running Maven is 17, too old for the jlink base, and the message says what to set
  if (!(log =~ /The jlink base needs a JDK 21 or newer, but \/usr\/lib\/jvm\/java-17-openjdk-amd64 is Java 17[.0-9]*; perhaps you should point -Dworkflow\.jlinkJdk=/)) {
    throw new AssertionError('build.log lacks the JDK 17 refusal of the first build')
  }
  // second build, still on JDK 17, with a JDK 21+ named: deployed
  ItDocker.requireContains(log, 'Workflow "deploy-on-jdk17" 1.2.3 is running in container jdk17-it')
  assert ItDocker.get('http://127.0.0.1:18171/health').statusCode() == 200
} finally {
  ItDocker.removeQuietly(['jdk17-it'], ['jdk17-it-data'], ['jdk17-it:1.0.0'])
}
return true
