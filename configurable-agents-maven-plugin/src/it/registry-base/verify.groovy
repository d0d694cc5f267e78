import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def layers = { image -> ItDocker.inspect('{{json .RootFS.Layers}}', image).findAll(/sha256:[0-9a-f]{64}/) }
try {
  ItDocker.requireContains(log, 'Workflow "registry-base" 1.2.3 is running in container registry-it')
  assert ItDocker.get('http://127.0.0.1:18221/health').statusCode() == 200
  // Jib pulled the base from the registry: the image sits on its layers
  def base = layers(new File(basedir, 'base.name').text)
  def image = layers('registry-it:1.0.0')
  assert image.size() == base.size() + 3 && image[0..<base.size()] == base
  assert new File(basedir, 'registry.log').text.contains('/v2/configurable-agents-jre/manifests/it')
} finally {
  ItDocker.removeQuietly(['registry-it'], ['registry-it-data'], ['registry-it:1.0.0'])
  System.properties.remove('configurable-agents.it.registry')?.destroy()
}
return true
