from instapgids.cli.main import main

main()
