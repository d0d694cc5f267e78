import io.configurableagents.it.ItDocker

// leftovers of an earlier run that stopped half-way
ItDocker.removeQuietly(['push-it'], [], ['127.0.0.1:18230/push-it:1.0.0', '127.0.0.1:18230/push-it:it'])

// the env file the replicas compose file reads (the push itself never reads it)
new File(basedir, '.env').text = 'OPENAI_API_KEY=sk-push-it-placeholder\nJOB_STORE_PASSWORD=push-it-db-password\n'

// Debian's docker-registry, unpacked by scripts/test.sh, on loopback: TLS with a certificate made here, and a
// password (bcrypt htpasswd of the settings.xml server's user, it-pusher / it-push-password)
def binary = ['/opt/docker-registry/usr/bin/docker-registry', '/usr/bin/docker-registry'].find { new File(it).canExecute() }
assert binary : 'no docker-registry binary: scripts/test.sh unpacks Debian\'s docker-registry into /opt/docker-registry'
def certs = new File(basedir, 'certs')
certs.mkdirs()
def openssl = new ProcessBuilder('openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', new File(certs, 'registry.key').path, '-out', new File(certs, 'registry.crt').path)
    .redirectErrorStream(true).start()
def opensslLog = openssl.inputStream.text
assert openssl.waitFor() == 0 : opensslLog
def config = new File(basedir, 'registry.yml')
config.text = """version: 0.1
storage:
  filesystem:
    rootdirectory: ${new File(basedir, 'registry-data').path}
http:
  addr: 127.0.0.1:18230
  tls:
    certificate: ${new File(certs, 'registry.crt').path}
    key: ${new File(certs, 'registry.key').path}
auth:
  htpasswd:
    realm: push-it
    path: ${new File(basedir, 'htpasswd').path}
"""
def registry = new ProcessBuilder(binary, 'serve', config.path).redirectErrorStream(true)
    .redirectOutput(new File(basedir, 'registry.log')).start()
System.properties['configurable-agents.it.push-registry'] = registry
def deadline = System.nanoTime() + 30_000_000_000L
while (true) {
  try {
    new Socket('127.0.0.1', 18230).close()
    break
  } catch (IOException e) {
    assert registry.alive : "the registry stopped: ${new File(basedir, 'registry.log').text}"
    assert System.nanoTime() < deadline : 'the registry did not listen on 127.0.0.1:18230 within 30 s'
    sleep(200)
  }
}
return true
