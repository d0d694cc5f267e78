def log = new File(basedir, 'build.log').text

// every diagnostic in the GCC form, pointing at the offending key or value
assert log.contains('[WARNING] workflow.yaml:6:3: warning: flow: unknown key "author" (ignored) (known keys: name, description, version)')
assert log.contains('[ERROR] workflow.yaml:16:64: error: prompt of node "classify": {state.tiket} names no state field (did you mean "ticket"?)')
assert log.contains('[ERROR] workflow.yaml:26:26: error: edges[1]: to names an unknown node "draft_rply" (did you mean "draft_reply"?)')

// each followed by its source line and a caret under the column
assert log.contains('      - {from: classify, to: draft_rply}\n' + ' ' * 29 + '^\n')

// the failure counts the errors, and no stack trace is printed
assert log.contains('workflow.yaml has 2 errors and 1 warning; see the diagnostics above.')
assert log.contains('BUILD FAILURE')
assert !(log =~ /(?m)^\s+at [\w.$]+ ?\(/) && !log.contains('Caused by:')
