import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def base = new File(basedir, 'base.name').text
def layers = { image -> ItDocker.inspect('{{json .RootFS.Layers}}', image).findAll(/sha256:[0-9a-f]{64}/) }
try {
  // both builds ran, each to a healthy container
  def built = (log =~ /Built image base-images-it:1\.0\.0 \((sha256:[0-9a-f]{64})\)/).collect { it[1] }
  assert built.size() == 2
  assert (log =~ /Workflow "base-images" 1\.2\.3 is running in container base-images-it/).count == 2
  assert ItDocker.get('http://127.0.0.1:18191/health').statusCode() == 200
  // the image from the tar base sits on the base's layers, and the base's environment came along
  def image = layers('base-images-it:1.0.0')
  def baseLayers = layers(base)
  assert image.size() == baseLayers.size() + 3
  assert image[0..<baseLayers.size()] == baseLayers
  assert ItDocker.inspect('{{json .Config.Env}}', 'base-images-it:1.0.0').contains('JAVA_HOME=/opt/java/openjdk')
  // the same base both ways, the same application: the same image
  assert built[0] == built[1]
  ItDocker.requireLacks(log, 'Making the jlink base', 'a jlink run, though the base was given')
} finally {
  ItDocker.removeQuietly(['base-images-it'], ['base-images-it-data'], ['base-images-it:1.0.0'])
  new File(basedir, 'base.tar').delete()
}
return true
