def log = new File(basedir, 'build.log').text
assert log =~ /Java version: 17\./ : 'the build did not run on JDK 17'
assert log.contains('[INFO] workflow.yaml is valid: flow "ticket-triage"')
assert log.contains('BUILD SUCCESS')
