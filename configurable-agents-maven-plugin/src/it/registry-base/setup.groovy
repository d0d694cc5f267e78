import io.configurableagents.it.ItDocker
import java.time.Duration

ItDocker.removeQuietly(['registry-it'], ['registry-it-data'], ['registry-it:1.0.0'])

// Debian's docker-registry, unpacked by .ci/run, on loopback, storing into this IT's directory
def binary = ['/opt/docker-registry/usr/bin/docker-registry', '/usr/bin/docker-registry'].find { new File(it).canExecute() }
assert binary : 'no docker-registry binary: .ci/run unpacks Debian\'s docker-registry into /opt/docker-registry'
def config = new File(basedir, 'registry.yml')
config.text = """version: 0.1
storage:
  filesystem:
    rootdirectory: ${new File(basedir, 'registry-data').path}
http:
  addr: 127.0.0.1:18220
"""
def registry = new ProcessBuilder(binary, 'serve', config.path).redirectErrorStream(true)
    .redirectOutput(new File(basedir, 'registry.log')).start()
System.properties['configurable-agents.it.registry'] = registry
ItDocker.awaitOk('http://127.0.0.1:18220/v2/', Duration.ofSeconds(30))

// the jlink base that deploy-end-to-end loaded, pushed to it
def base = ItDocker.docker('images', '--format', '{{.Repository}}:{{.Tag}}', 'configurable-agents-jre').readLines()
    .find { it.trim() }
assert base : 'no configurable-agents-jre image in Docker: run deploy-end-to-end first'
new File(basedir, 'base.name').text = base
ItDocker.docker('tag', base, '127.0.0.1:18220/configurable-agents-jre:it')
ItDocker.docker('push', '127.0.0.1:18220/configurable-agents-jre:it')
ItDocker.docker('image', 'rm', '127.0.0.1:18220/configurable-agents-jre:it')
return true
