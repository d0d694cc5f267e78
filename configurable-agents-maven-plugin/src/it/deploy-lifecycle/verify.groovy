import io.configurableagents.it.ItDocker
import io.configurableagents.it.ItMaven
import java.time.Duration

def log = new File(basedir, 'build.log').text
def noPom = new File(basedir, 'target/no-pom')
noPom.mkdirs()
def goal = { String name, String... args -> ItMaven.run(basedir, localRepositoryPath, ["workflow:${name}", *args] as String[]) }
def succeeded = { build, String what ->
  new File(basedir, "build-${what}.log").text = build.log()
  if (build.exitCode() != 0) throw new AssertionError("${what} failed; see build-${what}.log")
  build.log()
}
def failed = { build, String what ->
  new File(basedir, "build-${what}.log").text = build.log()
  if (build.exitCode() == 0) throw new AssertionError("${what} should have failed; see build-${what}.log")
  build.log()
}
def dockerLogsFollowing = {
  ProcessHandle.allProcesses().filter { p ->
    def args = p.info().arguments().orElse(new String[0]) as List
    args.contains('logs') && args.contains('--follow') && args[-1] == 'lifecycle-it'
  }.count()
}
def notReady = 'not ready: missing environment variable OPENAI_API_KEY: set it (e.g. in the --env-file) and restart'

try {
  // deploy, then the replace on the host network: no "port in use" by the very container it replaces
  ItDocker.requireContains(log, 'Replacing container lifecycle-it (its data volume lifecycle-it-data stays)')
  ItDocker.requireLacks(log, 'already in use', 'a port reported in use by the container being replaced')
  assert (log =~ /Workflow "deploy-lifecycle" 1\.2\.3 is running in container lifecycle-it/).count == 2
  // the banner points at the lifecycle goals
  ItDocker.requireContains(log, '  logs     mvn workflow:logs -Dworkflow.name=lifecycle-it -Dworkflow.follow')

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
  def deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos()
  while (ItDocker.inspect('{{.RestartCount}}', 'lifecycle-it') == '0' && System.nanoTime() < deadline) {
    ItDocker.sleep(200)
  }
  assert ItDocker.inspect('{{.RestartCount}}', 'lifecycle-it') == '1'
  ItDocker.awaitOk('http://127.0.0.1:18301/health', Duration.ofSeconds(60))

  // status from a directory without a pom (the plugin group in settings.xml gives the prefix): every
  // deployed container, a row each, and why this one is not ready (no env file, no key)
  def status = succeeded(ItMaven.run(noPom, localRepositoryPath, 'workflow:status'), 'status')
  assert status =~ /(?m)^\[INFO\] lifecycle-it +deploy-lifecycle 1\.2\.3 +lifecycle-it:1\.0\.0 +running +healthy, not ready +18301,18302 +\d+ (s|min)$/
  ItDocker.requireContains(status, "[INFO] lifecycle-it: GET /health answers; ${notReady}")

  // status in the project: its container (the name the pom gives), in detail
  def detail = succeeded(goal('status'), 'status-detail')
  ItDocker.requireContains(detail, '[INFO] Workflow   deploy-lifecycle 1.2.3')
  assert detail =~ /\[INFO\] State      running, up \d+ s \(started [-0-9T:]+Z\); Docker restarted it once/
  ItDocker.requireContains(detail, "[INFO] Health     GET /health answers; ${notReady}")
  ItDocker.requireContains(detail, '[INFO] API        POST http://127.0.0.1:18301/run   (docs http://127.0.0.1:18301/docs)')
  ItDocker.requireContains(detail, '[INFO] Traces     http://127.0.0.1:18302/')
  ItDocker.requireContains(detail, '[INFO] Network    host')
  ItDocker.requireContains(detail, '[INFO] Data       volume lifecycle-it-data')

  // logs: the last lines, as the runtime wrote them
  def logs = succeeded(goal('logs', '-Dworkflow.tail=30'), 'logs')
  ItDocker.requireContains(logs, '\nconfigurable-agents runtime: workflow "deploy-lifecycle" 1.2.3')

  // logs --follow prints what the runtime writes after it started, and ends when the container stops
  def following = ItMaven.start(basedir, localRepositoryPath, [:], 'workflow:logs', '-Dworkflow.follow')
  following.await('configurable-agents runtime: workflow "deploy-lifecycle"', Duration.ofSeconds(60))
  def stop = succeeded(goal('stop'), 'stop')
  ItDocker.requireContains(stop, '[INFO] Stopping container lifecycle-it (runs in flight get up to 60 s)')
  ItDocker.requireContains(stop, '[INFO] Stopped container lifecycle-it (exited (exit code 143: SIGTERM))')
  ItDocker.requireContains(stop, '); its data volume lifecycle-it-data stays')
  assert following.exit(Duration.ofSeconds(60)) == 0
  new File(basedir, 'build-logs-follow.log').text = following.output()
  ItDocker.requireContains(following.output(), '\nshutting down: no new runs')
  ItDocker.requireContains(following.output(), '\nstopped\n')
  assert ItDocker.inspect('{{.State.Status}}', 'lifecycle-it') == 'exited'
  assert ItDocker.exists('volume', 'lifecycle-it-data')

  def stopped = succeeded(ItMaven.run(noPom, localRepositoryPath, 'workflow:status'), 'status-stopped')
  assert stopped =~ /(?m)^\[INFO\] lifecycle-it +deploy-lifecycle 1\.2\.3 +lifecycle-it:1\.0\.0 +exited \(exit code 143: SIGTERM\) +- +18301,18302 +-$/

  // start: waits for health as deploy does, and says why the runtime is not ready
  def start = succeeded(goal('start'), 'start')
  ItDocker.requireContains(start, '[INFO] Started container lifecycle-it; waiting for GET /health (at most 60 s)')
  assert start =~ /\[INFO\] Container lifecycle-it is healthy after [0-9.]+ s: API http:\/\/127\.0\.0\.1:18301/
  ItDocker.requireContains(start, "[WARNING] ${notReady}")
  assert ItDocker.get('http://127.0.0.1:18301/health').statusCode() == 200

  // Ctrl-C ends logs --follow, and takes its docker logs process with it
  def interrupted = ItMaven.start(basedir, localRepositoryPath, [:], 'workflow:logs', '-Dworkflow.follow', '-Dworkflow.tail=5')
  interrupted.await('traces page on port 18302', Duration.ofSeconds(60))
  assert dockerLogsFollowing() == 1
  assert new ProcessBuilder('kill', '-INT', "${interrupted.process().pid()}").inheritIO().start().waitFor() == 0
  interrupted.exit(Duration.ofSeconds(30))
  deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos()
  while (dockerLogsFollowing() > 0 && System.nanoTime() < deadline) {
    ItDocker.sleep(100)
  }
  assert dockerLogsFollowing() == 0 : 'a docker logs --follow process outlived the interrupted build'

  // two more containers from the same image, never started: one as a deploy leaves it, one started by hand
  ItDocker.docker('create', '--name', 'lifecycle-it-2', '--label', 'io.configurableagents.deployed-by=configurable-agents',
      '--label', 'io.configurableagents.data-volume=lifecycle-it-2-data', '-v', 'lifecycle-it-2-data:/app/data',
      'lifecycle-it:1.0.0')
  ItDocker.docker('create', '--name', 'lifecycle-it-foreign', 'lifecycle-it:1.0.0')

  // no name: the one deploy gives the workflow (its flow name), which matches no deployed container here;
  // the message lists the deployed ones
  def noSuch = failed(goal('logs', '-Dworkflow.name='), 'logs-no-such')
  ItDocker.requireContains(noSuch, "No container named 'deploy-lifecycle' was deployed on this Docker daemon; deployed: ")
  ItDocker.requireContains(noSuch, 'lifecycle-it (running, deploy-lifecycle 1.2.3)')
  ItDocker.requireContains(noSuch, '; perhaps you should name one of them with -Dworkflow.name=')
  ItDocker.requireContains(noSuch, 'BUILD FAILURE')
  def foreign = failed(goal('stop', '-Dworkflow.name=lifecycle-it-foreign'), 'stop-foreign')
  ItDocker.requireContains(foreign, "The container 'lifecycle-it-foreign' was not started by a deploy of configurable-agents")
  assert ItDocker.inspect('{{.State.Status}}', 'lifecycle-it-foreign') == 'created'

  // the daemon down: its cause and fix, before anything else
  def dead = new File('/tmp/configurable-agents-it-lifecycle-dead.sock')
  ItDocker.deadSocket(dead.toPath())
  def down = failed(ItMaven.run(noPom, localRepositoryPath, [DOCKER_HOST: "unix://${dead}".toString()], 'workflow:status'),
      'status-daemon-down')
  ItDocker.requireContains(down, "The Docker daemon socket unix://${dead} refused the connection: no daemon listens on it"
      + ' any more (it comes from DOCKER_HOST); perhaps you should point DOCKER_HOST at a running daemon, or unset it to'
      + ' use the default socket')
  assert ItDocker.exists('container', 'lifecycle-it')

  // undeploy: stopped and removed; the data volume stays unless asked
  def undeploy = succeeded(goal('undeploy'), 'undeploy')
  ItDocker.requireContains(undeploy, '[INFO] Removed container lifecycle-it (')
  ItDocker.requireContains(undeploy, '[INFO] Its data volume lifecycle-it-data stays (jobs, traces)')
  assert !ItDocker.exists('container', 'lifecycle-it')
  assert ItDocker.exists('volume', 'lifecycle-it-data')

  // with removeData, the volume goes too, and the build says so
  def removeData = succeeded(goal('undeploy', '-Dworkflow.name=lifecycle-it-2', '-Dworkflow.removeData'), 'undeploy-remove-data')
  ItDocker.requireContains(removeData, '[INFO] Removed container lifecycle-it-2 (')
  ItDocker.requireContains(removeData, '[INFO] Removed its data volume lifecycle-it-2-data (jobs, traces and the AOT cache)')
  assert !ItDocker.exists('container', 'lifecycle-it-2')
  assert !ItDocker.exists('volume', 'lifecycle-it-2-data')
} finally {
  ItDocker.removeQuietly(['lifecycle-it', 'lifecycle-it-2', 'lifecycle-it-foreign'],
      ['lifecycle-it-data', 'lifecycle-it-2-data'], ['lifecycle-it:1.0.0'])
  new File('/tmp/configurable-agents-it-lifecycle-dead.sock').delete()
}
return true
