// holds the API port for the length of the build; verify.groovy closes it
def socket = new ServerSocket(18151)
System.properties['configurable-agents.it.port-taken'] = socket
return true
