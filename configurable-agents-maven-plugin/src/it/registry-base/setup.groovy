import io.configurableagents.it.ItDocker
import io.configurableagents.it.ItProxy
import io.configurableagents.it.ItRegistry
import java.nio.file.Files

ItDocker.removeQuietly(['registry-it'], ['registry-it-data'], ['registry-it:1.0.0'])
// the builds' Docker configuration: empty, so that the registry's credentials can come from settings.xml only
new File(basedir, 'empty-docker-config').mkdirs()

// Debian's docker-registry on loopback, with TLS and a password (bcrypt htpasswd of it-puller / it-pull-password)
def registry = ItRegistry.start(basedir.toPath(), 18220, new File(basedir, 'htpasswd').toPath(), 'it-puller',
    'it-pull-password')
System.properties['configurable-agents.it.registry'] = registry

// the jlink base that deploy-end-to-end loaded, pushed to it by a Docker logged in for this setup only
def base = ItDocker.docker('images', '--format', '{{.Repository}}:{{.Tag}}', 'configurable-agents-jre').readLines()
    .find { it.trim() }
assert base : 'no configurable-agents-jre image in Docker: run deploy-end-to-end first'
new File(basedir, 'base.name').text = base
def dockerConfig = Files.createTempDirectory('registry-it-docker-config').toFile()
try {
  def login = new ProcessBuilder('docker', '--config', dockerConfig.path, 'login', '-u', 'it-puller', '--password-stdin',
      '127.0.0.1:18220').redirectErrorStream(true).start()
  login.outputStream.withWriter { it << 'it-pull-password' }
  def loginLog = login.inputStream.text
  assert login.waitFor() == 0 : loginLog
  ItDocker.docker('tag', base, '127.0.0.1:18220/configurable-agents-jre:it')
  def push = ItDocker.run('--config', dockerConfig.path, 'push', '127.0.0.1:18220/configurable-agents-jre:it')
  assert push.ok() : push.toString()
} finally {
  ItDocker.run('image', 'rm', '127.0.0.1:18220/configurable-agents-jre:it')
  dockerConfig.deleteDir()
}

// a multi-platform base: that image for amd64 and, with a configuration for arm64 (same layers), for arm64
registry.platformTwin('configurable-agents-jre', 'it', 'it-arm64', 'arm64')
registry.index('configurable-agents-jre', 'multi', ['it': 'amd64', 'it-arm64': 'arm64'])

// the proxy of the fourth build: it asks for a password, then tunnels whatever host to the registry
System.properties['configurable-agents.it.proxy'] = ItProxy.start(18225, 18220)
return true
