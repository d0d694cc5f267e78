def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] flows/agent.json:8:73: error: edges[1]: to names an unknown node "ENDD" (did you mean "END"?)')
assert log.contains('agent.json has 1 error; see the diagnostics above.')
