import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def registryLog = new File(basedir, 'registry.log').text
def registry = System.properties['configurable-agents.it.registry']
def proxy = System.properties['configurable-agents.it.proxy']
def image = 'registry-it:1.0.0'
def layers = { name -> ItDocker.inspect('{{json .RootFS.Layers}}', name).findAll(/sha256:[0-9a-f]{64}/) }
// what Jib got from the registry (its access log also has the setup's pushes and the checks' own requests)
def jibGot = { path -> registryLog.readLines().count { it.contains("\"GET ${path} HTTP/") && it =~ /" 200 \d+ "[^"]*" "jib / } }
try {
  // four builds: three deployed, the offline one with a base never pulled refused
  assert (log =~ /Workflow "registry-base" 1\.2\.3 is running in container registry-it/).count == 3
  assert ItDocker.get('http://127.0.0.1:18221/health').statusCode() == 200

  // 1. the registry asked for a password, and got the settings.xml server's, decrypted; no password in the log
  assert registryLog =~ /auth\.user\.name="?it-puller/
  ItDocker.requireLacks(log, 'it-pull-password', 'the registry password')
  ItDocker.requireLacks(log, 'it-proxy-password', 'the proxy password')

  // 2. every layer of the base was pulled once, by the first build: the second, after mvn clean and offline, took
  //    them from the user-wide cache (outside target/); the fourth from the cache too (the same layers)
  registry.layerDigests('configurable-agents-jre', 'it').each { digest ->
    assert jibGot("/v2/configurable-agents-jre/blobs/${digest}") == 1 : "${digest} pulled again"
  }
  assert jibGot('/v2/configurable-agents-jre/manifests/it') == 1 : 'the offline build asked the registry'
  assert (log =~ /Built image registry-it:1\.0\.0 \(sha256:[0-9a-f]{64}\)/).count == 3

  // 3. offline, a base never pulled: named, with the cache and the ways out
  ItDocker.requireContains(log, 'Offline, and the base image 127.0.0.1:18220/configurable-agents-jre:never-pulled is'
      + ' not in the cache ' + new File(basedir, 'user-cache/jib-base').path + ': it has never been pulled into it'
      + ' (for this platform); perhaps you should build once with the network (Maven\'s -o off) to cache it')

  // 4. through the settings.xml proxy, with its decrypted password; from the multi-platform base, the arm64 image
  assert proxy.tunnelled().contains('CONNECT registry.proxied.invalid:443 by it-proxy-user:it-proxy-password') :
      proxy.tunnelled()
  ItDocker.requireContains(log, 'Building for linux/arm64')
  ItDocker.requireContains(log, 'The image is for linux/arm64 and the Docker daemon runs linux/amd64 images')
  assert ItDocker.inspect('{{.Architecture}}', image) == 'arm64'
  def base = layers(new File(basedir, 'base.name').text)
  def built = layers(image)
  assert built.size() == base.size() + 3 && built[0..<base.size()] == base
} finally {
  ItDocker.removeQuietly(['registry-it'], ['registry-it-data'], [image])
  System.properties.remove('configurable-agents.it.proxy')?.close()
  System.properties.remove('configurable-agents.it.registry')?.close()
}
return true
