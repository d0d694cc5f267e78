def log = new File(basedir, 'build.log').text
assert log.contains('workflow.yaml:13:1: warning: top level: unknown key "webhook" (ignored)')
assert log.contains('workflow.yaml has 1 warning, and strict mode (workflow.strict) treats warnings as errors; see the diagnostics above.')
assert log.contains('BUILD FAILURE')
