import io.configurableagents.it.ItDocker

def log = new File(basedir, 'build.log').text
try {
  // deploy, then the replace on the host network: no "port in use" by the very container it replaces
  ItDocker.requireContains(log, 'Replacing container lifecycle-it (its data volume lifecycle-it-data stays)')
  ItDocker.requireLacks(log, 'already in use', 'a port reported in use by the container being replaced')
  assert (log =~ /Workflow "deploy-lifecycle" 1\.2\.3 is running in container lifecycle-it/).count == 2

  // the runtime listens on the host ports themselves
  assert ItDocker.inspect('{{.HostConfig.NetworkMode}}', 'lifecycle-it') == 'host'
  assert ItDocker.get('http://127.0.0.1:18301/health').statusCode() == 200
  assert ItDocker.get('http://127.0.0.1:18302/').statusCode() == 200

  // the container says what it is: ours, which flow, its volume and ports; Docker restarts it if it exits
  def label = { key -> ItDocker.inspect("{{index .Config.Labels \"${key}\"}}", 'lifecycle-it') }
  assert label('io.configurableagents.deployed-by') == 'configurable-agents'
  assert label('io.configurableagents.workflow.name') == 'deploy-lifecycle'
  assert label('io.configurableagents.workflow.version') == '1.2.3'
  assert label('io.configurableagents.data-volume') == 'lifecycle-it-data'
  assert label('io.configurableagents.api-port') == '18301'
  assert label('io.configurableagents.traces-port') == '18302'
  assert ItDocker.inspect('{{.HostConfig.RestartPolicy.Name}}', 'lifecycle-it') == 'unless-stopped'

  // the runtime's process dies (as when it exits on a fatal failure): Docker starts it again
  def pid = ItDocker.inspect('{{.State.Pid}}', 'lifecycle-it')
  assert new ProcessBuilder('kill', '-9', pid).inheritIO().start().waitFor() == 0
  def deadline = System.nanoTime() + 60_000_000_000L
  while (ItDocker.inspect('{{.RestartCount}}', 'lifecycle-it') == '0' && System.nanoTime() < deadline) {
    ItDocker.sleep(200)
  }
  assert ItDocker.inspect('{{.RestartCount}}', 'lifecycle-it') == '1'
  ItDocker.awaitOk('http://127.0.0.1:18301/health', java.time.Duration.ofSeconds(60))
} finally {
  ItDocker.removeQuietly(['lifecycle-it'], ['lifecycle-it-data'], ['lifecycle-it:1.0.0'])
}
return true
