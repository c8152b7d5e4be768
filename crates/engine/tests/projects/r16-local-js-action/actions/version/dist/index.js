console.log("v")
