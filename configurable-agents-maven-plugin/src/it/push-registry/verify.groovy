import io.configurableagents.it.ItDocker
import java.nio.file.Files
import java.time.Duration

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/workflow-deploy')
def repository = '127.0.0.1:18230/push-it'
def dockerConfig = Files.createTempDirectory('push-it-docker-config').toFile()
def docker = { String... args -> ItDocker.run((['--config', dockerConfig.path] + (args as List)) as String[]) }

try {
  // what the user sees: the push, its tags and its digest; never the password
  ItDocker.requireContains(log, "Pushed ${repository}:1.0.0 (also tagged it, latest)")
  def digest = (log =~ /(?m)Digest (sha256:[0-9a-f]{64})$/)[0][1]
  ItDocker.requireContains(log, "  pull it as ${repository}@${digest}")
  ItDocker.requireLacks(log, 'it-push-password', 'the settings.xml server\'s password')
  ItDocker.requireLacks(log, 'push-it-db-password', 'the env file\'s JOB_STORE_PASSWORD')
  // the registry saw the settings.xml user
  assert new File(basedir, 'registry.log').text.contains('auth.user.name=it-pusher')

  // the record, and both the manifests and the replicas compose file name the image by its digest, also after the
  // second build (generate alone)
  def record = new Properties()
  new File(out, 'pushed-image.properties').withReader { record.load(it) }
  assert record.image == "${repository}:1.0.0" && record.digest == digest && record.tags == 'it,latest'
  def deployment = new File(out, 'k8s/deployment.yaml').text
  assert deployment.contains("image: \"${repository}@${digest}\"")
  assert deployment.contains('replicas: 3')
  def compose = new File(out, 'replicas/docker-compose.yml').text
  assert compose.contains("image: \"${repository}@${digest}\"") && !compose.contains('build:')
  assert compose.contains('replicas: 3')
  ItDocker.requireContains(log, "The Kubernetes manifests and the replicas compose file name the pushed image ${repository}@${digest}")

  // the third build: the same registry named localhost:18230, for which settings.xml has no server
  ItDocker.requireContains(log, 'The registry localhost:18230 refused to let you push to push-it (unauthorized or denied),'
      + ' and no credentials were found for it; perhaps you should add a <server> with <id>localhost:18230</id>')

  // the daemon pulls the image back (with the same user, logged in for this test only), by digest and by each tag
  def login = new ProcessBuilder('docker', '--config', dockerConfig.path, 'login', '-u', 'it-pusher', '--password-stdin',
      '127.0.0.1:18230').redirectErrorStream(true).start()
  login.outputStream.withWriter { it << 'it-push-password' }
  def loginLog = login.inputStream.text
  assert login.waitFor() == 0 : loginLog
  assert docker('pull', "${repository}@${digest}").exitCode() == 0
  ['1.0.0', 'it', 'latest'].each { tag ->
    def pulled = docker('pull', "${repository}:${tag}")
    assert pulled.exitCode() == 0 && pulled.stdout().contains(digest) : pulled.toString()
  }
  assert ItDocker.inspect('{{json .RepoDigests}}', "${repository}:1.0.0").contains("${repository}@${digest}")

  // and runs as the manifests run it: non-root, read-only root filesystem with /tmp and /app/data writable, no
  // capabilities, no privilege escalation; the probes' endpoints answer
  def run = ItDocker.run('run', '-d', '--pull', 'never', '--name', 'push-it', '--read-only', '--tmpfs', '/tmp',
      '-v', '/app/data', '--cap-drop', 'ALL', '--security-opt', 'no-new-privileges', '--user', '10001:10001',
      '-e', 'OPENAI_API_KEY=sk-push-it-not-used', '-e', 'TRACES_PORT=0', '-p', '127.0.0.1:18231:8000',
      "${repository}@${digest}")
  assert run.exitCode() == 0 : run.toString()
  ItDocker.awaitOk('http://127.0.0.1:18231/health', Duration.ofSeconds(90))
  assert ItDocker.get('http://127.0.0.1:18231/observe/health/live').statusCode() == 200
  assert ItDocker.get('http://127.0.0.1:18231/observe/health/ready').statusCode() == 200
  def info = ItDocker.get('http://127.0.0.1:18231/')
  assert info.statusCode() == 200 && info.body().contains('push-registry')
  def containerLog = ItDocker.run('logs', 'push-it').toString()
  assert !containerLog.contains('Read-only file system') : containerLog

  // the replicas compose file is valid compose
  def composeCommand = [['docker', 'compose'], ['docker-compose']].find { cmd ->
    try { new ProcessBuilder(cmd + ['version']).start().waitFor() == 0 } catch (IOException e) { false }
  }
  assert composeCommand : 'neither docker compose nor docker-compose is here: scripts/test.sh installs docker-compose'
  // as its header says: the env file gives JOB_STORE_PASSWORD
  def header = (compose =~ /(?m)^#   docker compose (--env-file \S+) up -d$/)[0][1].split(' ') as List
  def config = new ProcessBuilder(composeCommand + header + ['config', '-q']).directory(new File(out, 'replicas'))
  config.redirectErrorStream(true)
  def configProcess = config.start()
  def configLog = configProcess.inputStream.text
  assert configProcess.waitFor() == 0 : configLog
  // and HAProxy accepts its configuration
  def haproxy = ['/usr/sbin/haproxy', '/usr/local/sbin/haproxy'].find { new File(it).canExecute() }
  assert haproxy : 'no haproxy here: scripts/test.sh installs Debian\'s haproxy'
  def check = new ProcessBuilder(haproxy, '-c', '-f', new File(out, 'replicas/haproxy.cfg').path)
      .redirectErrorStream(true).start()
  def checkLog = check.inputStream.text
  assert check.waitFor() == 0 && checkLog.contains('Configuration file is valid') : checkLog
} finally {
  ItDocker.run('rm', '-f', '-v', 'push-it')
  ['1.0.0', 'it', 'latest'].each { ItDocker.run('image', 'rm', "${repository}:${it}") }
  System.properties.remove('configurable-agents.it.push-registry')?.destroy()
  dockerConfig.deleteDir()
  new File(basedir, '.env').delete()
}
return true
