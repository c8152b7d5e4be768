console.log("notify");
