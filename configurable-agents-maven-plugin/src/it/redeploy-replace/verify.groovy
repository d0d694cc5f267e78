import io.configurableagents.it.ItDocker
import io.configurableagents.it.ItMaven

def layers = { image -> ItDocker.inspect('{{json .RootFS.Layers}}', image).findAll(/sha256:[0-9a-f]{64}/) }
try {
  ItDocker.awaitOk('http://127.0.0.1:18111/health', java.time.Duration.ofSeconds(5))
  def first = layers('redeploy-it:first')

  // edit only workflow.yaml, redeploy over the running container
  def workflow = new File(basedir, 'workflow.yaml')
  def original = workflow.text
  workflow.text = original.replace('in one sentence', 'in one short sentence')
  def cache = "-Dworkflow.cacheDirectory=${new File(basedir, '../../it-workflow-cache').canonicalPath}"
  def second = ItMaven.run(basedir, localRepositoryPath, 'workflow:deploy', '-Dworkflow.replace',
      '-Dworkflow.image=redeploy-it:second', cache)
  new File(basedir, 'build-second.log').text = second.log()
  if (second.exitCode() != 0) throw new AssertionError('the redeploy failed; see build-second.log')
  ItDocker.requireContains(second.log(), 'Replacing container redeploy-it (its data volume redeploy-it-data stays)')
  println "redeploy after editing workflow.yaml: ${second.millis()} ms (mvn start to healthy)"

  // only the workflow layer differs
  def edited = layers('redeploy-it:second')
  assert edited.size() == first.size()
  assert edited[0..-2] == first[0..-2]
  assert edited[-1] != first[-1]
  assert ItDocker.inspect('{{.Config.Image}}', 'redeploy-it') == 'redeploy-it:second'
  assert ItDocker.inspect('{{range .Mounts}}{{.Name}}{{end}}', 'redeploy-it') == 'redeploy-it-data'
  ItDocker.awaitOk('http://127.0.0.1:18111/health', java.time.Duration.ofSeconds(5))

  // the same inputs again give the same image, digest for digest
  workflow.text = original
  def again = ItMaven.run(basedir, localRepositoryPath, 'workflow:deploy', '-Dworkflow.replace',
      '-Dworkflow.image=redeploy-it:again', cache)
  if (again.exitCode() != 0) throw new AssertionError('the third deploy failed:\n' + again.log().readLines().findAll { it.startsWith('[ERROR]') }.join('\n'))
  assert ItDocker.inspect('{{.Id}}', 'redeploy-it:again') == ItDocker.inspect('{{.Id}}', 'redeploy-it:first')
} finally {
  ItDocker.removeQuietly(['redeploy-it'], ['redeploy-it-data'],
      ['redeploy-it:first', 'redeploy-it:second', 'redeploy-it:again'])
}
return true
