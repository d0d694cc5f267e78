def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] workflow:validate skipped (workflow.skip)')
assert !log.contains('invalid YAML')
assert log.contains('BUILD SUCCESS')
