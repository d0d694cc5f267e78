def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] workflow:validate skipped (workflow.skip)')
// the goal's own skip flag names itself, not the plugin-wide one
assert log.contains('[INFO] workflow:deploy skipped (workflow.deploy.skip)')
assert !log.contains('invalid YAML')
assert log.contains('BUILD SUCCESS')
