def log = new File(basedir, 'build.log').text
def expected = new File(basedir, 'workflow.yaml').canonicalPath
assert log.contains("No workflow file at ${expected}.")
assert log.contains('<workflowFile>path/to/workflow.yaml</workflowFile>')
assert log.contains('-Dworkflow.file=path/to/workflow.yaml')
assert log.contains('BUILD FAILURE')
