import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
def env = new File(basedir, '.env').readLines().collectEntries { it.split('=', 2) as List }
def secret = env['OPENAI_API_KEY']
def marker = env['IT_MARKER']
def image = 'deploy-it:1.0.0'

try {
  // what the user sees
  ItDocker.requireContains(log, 'Docker ')
  ItDocker.requireContains(log, ' is available')
  ItDocker.requireContains(log, 'Workflow "deploy-end-to-end" 1.2.3 is running in container deploy-it')
  ItDocker.requireContains(log, '  API      POST http://localhost:18101/run')
  ItDocker.requireContains(log, '  Traces        http://localhost:18102/')
  ItDocker.requireContains(log, "curl -X POST http://localhost:18101/run \\")
  ItDocker.requireContains(log, '  logs     mvn workflow:logs -Dworkflow.name=deploy-it -Dworkflow.follow')
  ItDocker.requireContains(log, '  remove   mvn workflow:undeploy -Dworkflow.name=deploy-it   (the data volume deploy-it-data stays;'
      + ' add -Dworkflow.removeData to remove it too)')
  ItDocker.requireContains(log, 'Replacing container deploy-it (its data volume deploy-it-data stays)')
  ItDocker.requireLacks(log, secret, 'the env file\'s OPENAI_API_KEY value')
  ItDocker.requireLacks(log, marker, 'the env file\'s IT_MARKER value')

  // the second deploy replaced the image: the first one is gone, as nothing uses it
  def built = (log =~ /Built image deploy-it:1\.0\.0 \((sha256:[0-9a-f]{64})\)/).collect { it[1] }
  assert built.size() == 2 && built[0] != built[1]
  ItDocker.requireContains(log, "Removed the image ${image} pointed to before (${built[0]})")
  assert !ItDocker.exists('image', built[0])
  assert ItDocker.inspect('{{.Image}}', 'deploy-it') == built[1]

  // the running container
  def health = ItDocker.get('http://127.0.0.1:18101/health')
  assert health.statusCode() == 200 && health.body().contains('"healthy"')
  assert ItDocker.inspect('{{.Config.User}}', image) == '10001:10001'
  assert ItDocker.docker('port', 'deploy-it', '5000/tcp').contains(':18102')
  // the traces URL the banner printed answers: the page, and its JSON API
  def tracesPage = ItDocker.get('http://127.0.0.1:18102/')
  assert tracesPage.statusCode() == 200 && tracesPage.body().contains('<title>Traces</title>')
  def tracesApi = ItDocker.get('http://127.0.0.1:18102/api/runs')
  assert tracesApi.statusCode() == 200 && tracesApi.body().contains('"runs"')
  assert ItDocker.docker('port', 'deploy-it', '8000/tcp').contains(':18101')
  assert ItDocker.inspect('{{range .Mounts}}{{.Name}}:{{.Destination}}{{end}}', 'deploy-it') == 'deploy-it-data:/app/data'
  assert ItDocker.inspect('{{.HostConfig.NetworkMode}}', 'deploy-it') == 'default'

  // labels: OCI ones and the workflow's
  def labels = { key -> ItDocker.inspect("{{index .Config.Labels \"${key}\"}}", image) }
  assert labels('org.opencontainers.image.title') == 'deploy-end-to-end'
  assert labels('org.opencontainers.image.version') == '1.0.0'
  assert labels('org.opencontainers.image.created') == '2026-01-01T00:00:00Z'
  assert labels('org.opencontainers.image.source') == 'https://example.com/it/deploy-end-to-end'
  assert labels('io.configurableagents.workflow.name') == 'deploy-end-to-end'
  assert labels('io.configurableagents.workflow.version') == '1.2.3'

  // the env file reached the container, and nothing of it the image: not its config, not a layer
  assert ItDocker.inspect('{{json .Config.Env}}', 'deploy-it').contains("IT_MARKER=${marker}")
  assert !ItDocker.inspect('{{json .Config}}', image).contains(secret)
  assert ItDocker.imageContains(image, 'io.configurableagents.runtime.Main') : 'the scan below would find nothing'
  assert !ItDocker.imageContains(image, secret)
  assert !ItDocker.imageContains(image, marker)
  new File(basedir, 'target/workflow-deploy').eachFileRecurse { f ->
    assert f.isDirectory() || !f.text.contains(secret) : "${f} holds an env value"
  }

  // the container runs the edited workflow.yaml, byte for byte
  def copied = new File(basedir, 'target/copied-workflow.yaml')
  ItDocker.docker('cp', 'deploy-it:/app/workflow.yaml', copied.path)
  assert copied.bytes == new File(basedir, 'v2/workflow.yaml').bytes
  assert new File(basedir, 'target/workflow-deploy/workflow.yaml').bytes == copied.bytes
} finally {
  ItDocker.removeQuietly(['deploy-it'], ['deploy-it-data'], [image])
  new File(basedir, '.env').delete()
}
return true
