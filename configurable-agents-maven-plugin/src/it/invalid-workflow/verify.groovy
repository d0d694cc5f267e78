import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  // the diagnostic in the compiler's form, pointing into the file
  if (!(log =~ /workflow\.yaml:\d+:\d+: error: .*unknown node "summarise"/)) {
    throw new AssertionError('build.log lacks the file:line:col diagnostic of the unknown edge target')
  }
  ItDocker.requireContains(log, 'BUILD FAILURE')
  // nothing after validation ran: no Docker check, no files, no image, no container
  ItDocker.requireLacks(log, ' is available', 'a Docker check after a failed validation')
  ItDocker.requireLacks(log, 'Generated ', 'generated files for an invalid workflow')
  assert !new File(basedir, 'target/workflow-deploy').exists()
  assert !ItDocker.exists('container', 'invalid-it')
} finally {
  // nothing should exist; if the build went further than it should have, leave nothing behind
  ItDocker.removeQuietly(['invalid-it'], ['invalid-it-data'], ['invalid-it:1.0.0'])
}
return true
