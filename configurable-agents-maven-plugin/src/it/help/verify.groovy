def log = new File(basedir, 'build.log').text
def requireContains = { text -> if (!log.contains(text)) throw new AssertionError("build.log lacks: " + text) }

requireContains('This plugin has 11 goals:')
['console', 'deploy', 'generate', 'help', 'logs', 'push', 'start', 'status', 'stop', 'undeploy', 'validate'].each { goal ->
  assert log =~ /(?m)^workflow:${goal}$/ : "the help lacks workflow:${goal}"
}
// with -Ddetail, each parameter with its meaning and its -D property
requireContains('User property: workflow.follow')
requireContains('User property: workflow.tail')
requireContains('User property: workflow.removeData')
requireContains('User property: workflow.name')
requireContains('User property: workflow.readyTimeout')
requireContains('User property: workflow.consolePort')
requireContains('User property: workflow.consoleBind')
requireContains('User property: workflow.consoleJdk')
requireContains('User property: workflow.tags')
requireContains('User property: workflow.allowInsecureRegistries')
requireContains('User property: workflow.replicas')
requireContains('Keep printing new lines until Ctrl-C (or until the container stops).')
requireContains('BUILD SUCCESS')
return true
