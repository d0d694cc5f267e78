def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] workflow.yaml is valid: flow "ticket-triage", 3 state fields, 2 nodes, 3 edges.')
assert !log.contains('[WARNING] workflow.yaml:')
assert log.contains('BUILD SUCCESS')
